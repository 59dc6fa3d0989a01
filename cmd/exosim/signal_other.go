//go:build !unix

package main

func ignoreStop() {}
