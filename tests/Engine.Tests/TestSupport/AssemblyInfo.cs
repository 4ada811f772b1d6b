// LibTorch's generator is process-wide: tests that seed it or train
// must not interleave (and their kernels share the cores with the Host tests' processes; see OneTorchThread).
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
[assembly: AssemblyFixture(typeof(ClipHost.Engine.Tests.TestSupport.OneTorchThread))]
