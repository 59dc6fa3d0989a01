//go:build !unix

package main

func ignoreStop() {}

func watchResize(func()) (stop func()) { return func() {} }
