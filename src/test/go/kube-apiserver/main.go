// Command kube-apiserver is the Kubernetes API server built from the published k8s.io/kubernetes module,
// for the tests that run against a real API server (no release binary of it can be downloaded here).
package main

import (
	"os"

	"k8s.io/component-base/cli"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	os.Exit(cli.Run(app.NewAPIServerCommand()))
}
