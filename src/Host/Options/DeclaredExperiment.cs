namespace ClipHost.Host.Options;

/// <summary>An experiment the service offers as a recurring job: its config file and an optional cron.</summary>
public sealed class DeclaredExperiment
{
    /// <summary>The experiment JSON, relative to the working directory.</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>A cron expression (UTC); none means "only when triggered" from the dashboard.</summary>
    public string? Cron { get; set; }

    public string FullPath => Path.GetFullPath(File);
}
