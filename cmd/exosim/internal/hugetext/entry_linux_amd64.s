#include "textflag.h"

#define HUGE	0x200000	// 2 MB, the size of a large page
#define MADV_HUGEPAGE	14
#define SYS_madvise	28

// entry runs on the stack and registers the kernel hands a new process and
// must leave SP as it found it: the runtime's entry reads argc and argv
// from it. It only uses registers the runtime's entry does not read.
TEXT ·entry(SB),NOSPLIT|NOFRAME,$0
	// madvise(code rounded down to 2 MB, up to the end of the
	// read-only data, MADV_HUGEPAGE). A failure is ignored.
	LEAQ	runtime·text(SB), DI
	ANDQ	$~(HUGE-1), DI
	LEAQ	runtime·epclntab(SB), SI
	SUBQ	DI, SI
	MOVQ	$MADV_HUGEPAGE, DX
	MOVQ	$SYS_madvise, AX
	SYSCALL

	// R9: the 2 MB range holding the end of the code; R10: the one
	// holding this entry. Neither is read.
	LEAQ	runtime·etext(SB), R9
	ANDQ	$~(HUGE-1), R9
	LEAQ	·entry(SB), R10
	ANDQ	$~(HUGE-1), R10

	// BX walks down from the last range that ends inside the read-only
	// data to the first range that starts inside the code (CX).
	LEAQ	runtime·epclntab(SB), BX
	ANDQ	$~(HUGE-1), BX
	SUBQ	$HUGE, BX
	LEAQ	runtime·text(SB), CX
	ADDQ	$(HUGE-1), CX
	ANDQ	$~(HUGE-1), CX
next:
	CMPQ	BX, CX
	JB	done
	CMPQ	BX, R9
	JEQ	skip
	CMPQ	BX, R10
	JEQ	skip
	MOVB	(BX), AX
skip:
	SUBQ	$HUGE, BX
	JMP	next
done:
	JMP	_rt0_amd64_linux(SB)
