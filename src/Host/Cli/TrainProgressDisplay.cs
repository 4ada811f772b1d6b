using ClipHost.Engine.Training;
using Spectre.Console;

namespace ClipHost.Host.Cli;

/// <summary>A bar with loss, rate and ETA on a terminal; a plain line every few seconds otherwise.</summary>
public static class TrainProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    public static T Run<T>(string label, Func<IProgress<TrainProgress>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            TimeSpan? last = null;
            return work(new SyncProgress<TrainProgress>(p =>
            {
                if (last is { } previous && p.Elapsed - previous < PlainInterval && p.Step != p.TotalSteps)
                {
                    return;
                }
                last = p.Elapsed;
                Console.WriteLine($"{label}: step {p.Step}/{p.TotalSteps}, {p.SamplesSeen} pairs seen, loss {p.Loss:F4}, {p.PairsPerSecond:F0} pairs/s, ETA {Format(p.Eta)}");
            }));
        }
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: 1);
                result = work(new SyncProgress<TrainProgress>(p =>
                {
                    task.MaxValue = p.TotalSteps;
                    task.Value = p.Step;
                    task.Description = $"{label} [grey]loss {p.Loss:F3}, {p.PairsPerSecond:F0} pairs/s[/]";
                }));
            });
        return result;
    }

    private static string Format(TimeSpan? t) => t is { } v ? v.ToString(v.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "?";
}
