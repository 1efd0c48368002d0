package cmd

import "syscall"

// devNodeProcAttr puts dev's node in its own process group (Ctrl-C reaches
// only dev, which stops the node once) and has the kernel send it SIGTERM
// if dev dies without stopping it (kill -9, a killed test): an orphaned
// node would keep the dev ports and its home.
func devNodeProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
