// Command etcd is the etcd server built from the published go.etcd.io/etcd/server/v3 module, for the tests that run
// against a real API server: Debian's etcd 3.4 lacks the watch progress requests that kube-apiserver v1.37 needs to
// serve watch streams (sendInitialEvents).
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
