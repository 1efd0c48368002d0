//go:build !linux

package cmd

import "syscall"

// devNodeProcAttr puts dev's node in its own process group (Ctrl-C reaches
// only dev, which stops the node once). Only Linux can also stop it when
// dev dies.
func devNodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
