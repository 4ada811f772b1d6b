// LibTorch's generator is process-wide and its kernels already use both cores: tests that seed it or train
// must not interleave, and running them side by side would not be faster on this machine.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
