using ClipHost.Engine.Data.Import;
using Spectre.Console;

namespace ClipHost.Host.Cli;

/// <summary>
/// A progress bar with rate and ETA (Spectre.Console) when stdout is a terminal; plain lines every few seconds
/// otherwise, so logs and CI output stay readable.
/// </summary>
public static class ImportProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(string label, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = TimeSpan.Zero;
            var progress = new SyncProgress<ImportProgress>(p =>
            {
                if (p.Elapsed - last < PlainInterval)
                {
                    return;
                }
                last = p.Elapsed;
                var of = p.Total is { } total ? $"/{total}" : string.Empty;
                var eta = p.Total is { } t && p.Rate > 0 ? $", ETA {TimeSpan.FromSeconds((t - p.Processed) / p.Rate):mm\\:ss}" : string.Empty;
                Console.WriteLine($"{label}: {p.Processed}{of} ({p.Imported} imported, {p.Skipped} skipped), {p.Rate:F0} images/s{eta}");
            });
            return await work(progress).ConfigureAwait(false);
        }
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferlessRateColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label, autoStart: true, maxValue: 1);
                task.IsIndeterminate = true;
                var progress = new SyncProgress<ImportProgress>(p =>
                {
                    if (p.Total is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(total, 1);
                    }
                    task.Value = p.Processed;
                    task.Description = $"{label} [grey]({p.Skipped} skipped)[/]";
                });
                return await work(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>Items per second, since Spectre's transfer-speed column formats bytes.</summary>
    private sealed class TransferlessRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup($"[blue]{task.Speed ?? 0:F0}/s[/]");
    }
}
