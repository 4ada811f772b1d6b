namespace ClipHost.Host.Runs;

/// <summary>The last progress a training job reported: what the API and the dashboard's Runs page show.</summary>
public sealed record RunProgress(long Step, long TotalSteps, long SamplesSeen, double? Loss, double PairsPerSecond, double? EtaSeconds, DateTimeOffset At);
