using System.ComponentModel.DataAnnotations;

namespace ClipHost.Host.Options;

/// <summary>
/// Hangfire: workers per queue and the PostgreSQL storage's timings. Storage is Hangfire.InMemory unless the
/// connection string ConnectionStrings:Hangfire is set (from the environment), then PostgreSQL, shared by every
/// host that points at it.
/// </summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Workers on the default queue (imports, filters, evaluations).</summary>
    [Range(1, 64)]
    public int DefaultWorkers { get; set; } = 2;

    /// <summary>
    /// A job whose host stopped sending heartbeats for this long is handed to another host (PostgreSQL storage; the
    /// heartbeat slides it for as long as the job runs, so long trainings are never taken over while alive).
    /// </summary>
    [Range(5, 86_400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>How often idle workers poll the PostgreSQL queue.</summary>
    [Range(100, 60_000)]
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>How often a recipe search looks at its trials to queue the next rung (a short job on the default queue).</summary>
    [Range(1, 3600)]
    public int SearchPollSeconds { get; set; } = 10;

    /// <summary>PostgreSQL schema of Hangfire's tables.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string Schema { get; set; } = "hangfire";
}
