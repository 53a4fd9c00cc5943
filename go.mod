module github.com/asyncgen/asyncgen

go 1.24.0

require (
	github.com/dave/jennifer v1.7.1
	github.com/pmezard/go-difflib v1.0.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/net v0.43.0
	golang.org/x/sys v0.35.0
	golang.org/x/tools v0.36.0
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/mod v0.27.0 // indirect
	golang.org/x/sync v0.16.0 // indirect
	golang.org/x/text v0.28.0 // indirect
)

tool (
	github.com/asyncgen/asyncgen/cmd/asyncgen
	github.com/asyncgen/asyncgen/cmd/asyncvet
)
