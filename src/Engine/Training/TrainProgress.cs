namespace ClipHost.Engine.Training;

/// <summary>Progress of a training run, reported after each step.</summary>
public sealed record TrainProgress(long Step, long TotalSteps, long SamplesSeen, double Loss, double PairsPerSecond, TimeSpan Elapsed)
{
    public TimeSpan? Eta => PairsPerSecond > 0 && Step > 0 ? TimeSpan.FromSeconds(Elapsed.TotalSeconds / Step * (TotalSteps - Step)) : null;
}
