// The go.etcd.io/etcd/server/v3 requirement is added by .ci/build-etcd.
module dev.skillsync/test/etcd

go 1.26
