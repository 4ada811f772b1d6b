using ClipHost.Host.Options;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The recurring job of a study file ("Trigger now" in the dashboard): reads the file as it is now and starts the study,
/// through the same queue as POST /api/studies. Starting it again queues only the cells that are missing.
/// </summary>
public sealed class StudyLauncherJob(StudySubmitter queue, IOptions<StudiesOptions> options)
{
    [JobDisplayName("launch study {0}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> LaunchAsync(string file, CancellationToken cancellationToken)
    {
        var studies = options.Value;
        var path = Engine.Paths.RootedPath.Inside(studies.FullPath, file) ?? throw new InvalidOperationException($"'{file}' is not a file in {studies.FullPath}");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"study file {path} no longer exists");
        }
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var submitted = await queue.SubmitAsync(new StartStudyCommand(json, $"dashboard:{file}", Directory: studies.FullPath, Root: studies.Root), cancellationToken).ConfigureAwait(false);
        return $"{submitted.Name}: {submitted.Cells.Count} cells";
    }
}
