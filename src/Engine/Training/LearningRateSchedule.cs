namespace ClipHost.Engine.Training;

/// <summary>Linear warmup to the peak, then cosine decay to zero (open_clip's cosine_lr).</summary>
public sealed record LearningRateSchedule(double Peak, long WarmupSteps, long TotalSteps)
{
    public double At(long step)
    {
        if (step < WarmupSteps)
        {
            return Peak * (step + 1) / WarmupSteps;
        }
        var decay = TotalSteps - WarmupSteps;
        var progress = decay <= 0 ? 1 : (double)(step - WarmupSteps) / decay;
        return 0.5 * Peak * (1 + Math.Cos(Math.PI * Math.Min(progress, 1)));
    }
}
