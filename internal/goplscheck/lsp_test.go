package goplscheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// session is one gopls process, spoken to in LSP over its stdin and
// stdout, which both tests of this package share: gopls loads and
// type-checks the workspace once, where each gopls command (check,
// definition) would start a gopls of its own and load it again.
type session struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
	bad    string // the directory of the negative control's module

	mu     sync.Mutex // one exchange at a time
	nextID int
	// diags holds the diagnostics gopls last published for each file.
	diags  map[string][]diagnostic
	opened map[string]bool
	err    error
}

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type location struct {
	URI   string   `json:"uri"`
	Range lspRange `json:"range"`
}

type diagnostic struct {
	Range    lspRange        `json:"range"`
	Severity int             `json:"severity"` // 1 error, 2 warning, 3 information, 4 hint
	Code     json.RawMessage `json:"code"`
	CodeDesc *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source  string `json:"source"`
	Message string `json:"message"`
	Related []struct {
		Location location `json:"location"`
		Message  string   `json:"message"`
	} `json:"relatedInformation"`
}

// same is gopls check's identity of a diagnostic.
func (d diagnostic) same(e diagnostic) bool {
	href := func(x diagnostic) string {
		if x.CodeDesc == nil {
			return ""
		}
		return x.CodeDesc.Href
	}
	return d.Range == e.Range && d.Severity == e.Severity && string(d.Code) == string(e.Code) &&
		href(d) == href(e) && d.Source == e.Source && d.Message == e.Message
}

// warning is gopls check's default cutoff (its -severity flag): errors
// and warnings are reported, information and hints are not.
const warning = 2

type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      *int            `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

var (
	shared     *session
	sharedErr  error
	sharedOnce sync.Once
)

// TestMain ends the shared gopls, if a test started one.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.close()
	}
	os.Exit(code)
}

// goplsSession returns the shared session, started on first use with two
// workspace folders: the repository and a module with one type error, the
// negative control that shows diagnostics reach the test.
func goplsSession(t *testing.T) *session {
	t.Helper()
	bin := installGopls(t)
	root := repoRoot(t)
	sharedOnce.Do(func() { shared, sharedErr = startSession(bin, root) })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func startSession(bin, root string) (*session, error) {
	bad, err := os.MkdirTemp("", "goplscheck-bad")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(bad, "go.mod"), []byte("module bad\n\ngo 1.23\n"), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(bad, "bad.go"), []byte("package bad\n\nfunc f() int { return \"s\" }\n"), 0o644); err != nil {
		return nil, err
	}
	s := &session{bad: bad, diags: map[string][]diagnostic{}, opened: map[string]bool{}}
	s.cmd = exec.Command(bin, "serve")
	s.cmd.Dir = root
	s.cmd.Stderr = &s.stderr
	if s.in, err = s.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.out = bufio.NewReader(stdout)
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	folders := []map[string]string{{"uri": fileURI(root), "name": "asyncgen"}, {"uri": fileURI(bad), "name": "bad"}}
	_, err = s.call("initialize", map[string]any{
		"processId":        os.Getpid(),
		"rootUri":          fileURI(root),
		"workspaceFolders": folders,
		"capabilities": map[string]any{
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{"relatedInformation": true}},
			"workspace":    map[string]any{"workspaceFolders": true, "configuration": true},
		},
	})
	if err != nil {
		s.close()
		return nil, err
	}
	if err := s.notify("initialized", map[string]any{}); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

func (s *session) close() {
	if s.err == nil {
		s.call("shutdown", nil)
		s.notify("exit", nil)
	}
	s.in.Close()
	s.cmd.Wait()
	os.RemoveAll(s.bad)
}

func (s *session) write(m message) error {
	m.JSONRPC = "2.0"
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(s.in, "Content-Length: %d\r\n\r\n%s", len(data), data)
	return err
}

func (s *session) read() (message, error) {
	var m message
	length := -1
	for {
		line, err := s.out.ReadString('\n')
		if err != nil {
			return m, fmt.Errorf("gopls: %v\n%s", err, s.stderr.String())
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			if length, err = strconv.Atoi(strings.TrimSpace(v)); err != nil {
				return m, fmt.Errorf("gopls: bad header %q", line)
			}
		}
	}
	if length < 0 {
		return m, fmt.Errorf("gopls: a message without Content-Length")
	}
	data := make([]byte, length)
	if _, err := io.ReadFull(s.out, data); err != nil {
		return m, fmt.Errorf("gopls: %v\n%s", err, s.stderr.String())
	}
	return m, json.Unmarshal(data, &m)
}

func (s *session) notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return s.write(message{Method: method, Params: raw})
}

// call sends a request and reads until its response, recording the
// diagnostics published meanwhile and answering gopls's own requests
// with null (this client declares no capability they need).
func (s *session) call(method string, params any) (json.RawMessage, error) {
	if s.err != nil {
		return nil, s.err
	}
	s.nextID++
	id := s.nextID
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	if err := s.write(message{ID: &id, Method: method, Params: raw}); err != nil {
		s.err = err
		return nil, err
	}
	for {
		m, err := s.read()
		if err != nil {
			s.err = err
			return nil, err
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string       `json:"uri"`
				Version     int          `json:"version"`
				Diagnostics []diagnostic `json:"diagnostics"`
			}
			if err := json.Unmarshal(m.Params, &p); err != nil {
				return nil, err
			}
			// As gopls check does: every payload for an open file's
			// version is kept (a file in several views gets one from
			// each), duplicates dropped.
			if p.Version == 0 {
				continue
			}
			path := uriPath(p.URI)
			for _, d := range p.Diagnostics {
				if !slices.ContainsFunc(s.diags[path], d.same) {
					s.diags[path] = append(s.diags[path], d)
				}
			}
		case m.Method == "workspace/configuration":
			// The settings gopls check gives (cmd.go in gopls's source).
			var p struct {
				Items []struct {
					Section string `json:"section"`
				} `json:"items"`
			}
			if err := json.Unmarshal(m.Params, &p); err != nil {
				return nil, err
			}
			results := make([]any, len(p.Items))
			for i, item := range p.Items {
				if item.Section == "gopls" {
					results[i] = map[string]any{"analyses": map[string]any{
						"fillreturns": true, "nonewvars": true, "noresultvalues": true, "undeclaredname": true}}
				}
			}
			raw, err := json.Marshal(results)
			if err != nil {
				return nil, err
			}
			if err := s.write(message{ID: m.ID, Result: raw}); err != nil {
				s.err = err
				return nil, err
			}
		case m.Method != "" && m.ID != nil:
			if err := s.write(message{ID: m.ID, Result: json.RawMessage("null")}); err != nil {
				s.err = err
				return nil, err
			}
		case m.Method == "" && m.ID != nil && *m.ID == id:
			if m.Error != nil {
				return nil, fmt.Errorf("gopls %s: %s", method, m.Error.Message)
			}
			return m.Result, nil
		}
	}
}

// open tells gopls that the editor opened file (once per file).
func (s *session) open(file string) error {
	if s.opened[file] {
		return nil
	}
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	s.opened[file] = true
	return s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(file), "languageId": "go", "version": 1, "text": string(text)}})
}

// check opens the files and has gopls diagnose them (the work of gopls
// check: the command diagnoses every view that holds one of them and
// publishes before it answers), and returns the diagnostics of each
// file that gopls check prints (errors and warnings: its default
// -severity), in its format.
func (s *session) check(files []string) (map[string][]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var uris []string
	for _, f := range files {
		if err := s.open(f); err != nil {
			return nil, err
		}
		uris = append(uris, fileURI(f))
	}
	if _, err := s.call("workspace/executeCommand", map[string]any{
		"command": "gopls.diagnose_files", "arguments": []any{map[string]any{"Files": uris}}}); err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, f := range files {
		for _, d := range s.diags[f] {
			if d.Severity > warning {
				continue
			}
			out[f] = append(out[f], fmt.Sprintf("%s:%d:%d: %s", f, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Message))
			for _, r := range d.Related {
				out[f] = append(out[f], fmt.Sprintf("%s:%d:%d: - %s", uriPath(r.Location.URI), r.Location.Range.Start.Line+1, r.Location.Range.Start.Character+1, r.Message))
			}
		}
	}
	return out, nil
}

// definition returns where gopls says the identifier at file:line:col
// (1-based; the line is ASCII up to col) is declared, as file:line:col.
func (s *session) definition(file string, line, col int) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.open(file); err != nil {
		return nil, err
	}
	res, err := s.call("textDocument/definition", map[string]any{
		"textDocument": map[string]any{"uri": fileURI(file)},
		"position":     position{Line: line - 1, Character: col - 1},
	})
	if err != nil {
		return nil, err
	}
	var locs []location
	if err := json.Unmarshal(res, &locs); err != nil {
		var one location
		if err := json.Unmarshal(res, &one); err != nil {
			return nil, fmt.Errorf("gopls definition: %s", res)
		}
		locs = []location{one}
	}
	var out []string
	for _, l := range locs {
		out = append(out, fmt.Sprintf("%s:%d:%d", uriPath(l.URI), l.Range.Start.Line+1, l.Range.Start.Character+1))
	}
	return out, nil
}
