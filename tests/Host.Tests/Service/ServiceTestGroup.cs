namespace ClipHost.Host.Tests.Service;

/// <summary>Service tests start hosts that train: one at a time, so two cores are not split four ways.</summary>
[CollectionDefinition("service", DisableParallelization = true)]
public sealed class ServiceTestGroup;
