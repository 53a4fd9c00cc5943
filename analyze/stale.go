package analyze

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// SourceHash is the hash that generated files record of each async
// function's text (from func to its closing brace) and that
// rt.CheckSource compares in test binaries: 64-bit FNV-1a over the bytes
// without carriage returns, and the number of bytes hashed.
func SourceHash(text []byte) (hash uint64, n int) {
	hash = 14695981039346656037
	for _, b := range text {
		if b != '\r' {
			hash = (hash ^ uint64(b)) * 1099511628211
			n++
		}
	}
	return hash, n
}

// SourceName names an async function as the source check does: F, T.M
// or (*T).M.
func SourceName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, ptr = s.X, true
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	name := "?"
	if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	if ptr {
		return "(*" + name + ")." + d.Name.Name
	}
	return name + "." + d.Name.Name
}

// RecordedSource is what a generated file's source check records of one
// async function (see rt.SourceFunc).
type RecordedSource struct {
	Name string
	Len  int
	Hash uint64
}

// RecordedSources reads the source check of a generated file: the name of
// its source file and what it recorded of each async function, by name.
// ok is false when the file has no source check (asyncgen before it had
// one wrote it).
func RecordedSources(gen *ast.File) (source string, fns map[string]RecordedSource, ok bool) {
	for _, d := range gen.Decls {
		fd, isFunc := d.(*ast.FuncDecl)
		if !isFunc || fd.Name.Name != "init" || fd.Recv != nil || fd.Body == nil || len(fd.Body.List) != 1 {
			continue
		}
		es, isExpr := fd.Body.List[0].(*ast.ExprStmt)
		if !isExpr {
			continue
		}
		call, isCall := es.X.(*ast.CallExpr)
		if !isCall || len(call.Args) != 2 {
			continue
		}
		if sel, isSel := call.Fun.(*ast.SelectorExpr); !isSel || sel.Sel.Name != "CheckSource" {
			if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != "CheckSource" {
				continue
			}
		}
		lit, isLit := call.Args[0].(*ast.BasicLit)
		list, isList := call.Args[1].(*ast.CompositeLit)
		if !isLit || lit.Kind != token.STRING || !isList {
			continue
		}
		source, err := strconv.Unquote(lit.Value)
		if err != nil {
			continue
		}
		fns = map[string]RecordedSource{}
		for _, elt := range list.Elts {
			cl, isCL := elt.(*ast.CompositeLit)
			if !isCL {
				continue
			}
			var r RecordedSource
			for _, kv := range cl.Elts {
				kv, isKV := kv.(*ast.KeyValueExpr)
				key, isKey := kv.Key.(*ast.Ident)
				val, isVal := kv.Value.(*ast.BasicLit)
				if !isKV || !isKey || !isVal {
					continue
				}
				switch key.Name {
				case "Name":
					r.Name, _ = strconv.Unquote(val.Value)
				case "Len":
					r.Len, _ = strconv.Atoi(val.Value)
				case "Hash":
					r.Hash, _ = strconv.ParseUint(strings.TrimPrefix(val.Value, "0x"), 16, 64)
				}
			}
			if r.Name != "" {
				fns[r.Name] = r
			}
		}
		return source, fns, true
	}
	return "", nil, false
}
