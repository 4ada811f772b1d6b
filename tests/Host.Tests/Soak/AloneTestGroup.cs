namespace ClipHost.Host.Tests.Soak;

/// <summary>
/// Tests that measure the machine run alone, after every other test: the soak reads its hosts' memory, files and
/// threads with LibTorch on every core, figures that anything beside it would bend. Every other service test runs
/// beside one other class, its hosts on one LibTorch thread each (ClipHostProcess), so two cores stay two busy lanes.
/// </summary>
[CollectionDefinition("alone", DisableParallelization = true)]
public sealed class AloneTestGroup;
