using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Hangfire: in-memory storage by default, PostgreSQL when ConnectionStrings:Hangfire is set (several hosts on one
/// database share one queue); a training server with one worker per device and a default server for the rest;
/// the declared experiments and the study files as recurring jobs; recovery of runs an in-memory restart forgot.
/// </summary>
public static class JobExtensions
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        builder.AddJobStorage();
        builder.Services.AddOptions<ExperimentsOptions>().BindConfiguration(ExperimentsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExperimentsOptions>, ExperimentsOptionsValidator>();
        var connectionString = builder.Configuration.GetConnectionString("Hangfire");
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var serve = builder.Configuration.GetSection(ServeOptions.SectionName).Get<ServeOptions>() ?? new ServeOptions();
        var stopWithin = TimeSpan.FromSeconds(serve.ShutdownTimeoutSeconds);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = stopWithin + TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<JobStorageProbe>();
        builder.Services.AddSingleton<RefusalRecorder>();
        builder.Services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:training";
            o.Queues = [JobQueues.Training];
            o.WorkerCount = sp.GetRequiredService<DevicePool>().Devices.Count;
            o.ShutdownTimeout = stopWithin;
            o.CancellationCheckInterval = TimeSpan.FromSeconds(2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddHangfireServer((_, o) =>
        {
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:default";
            o.Queues = [JobQueues.Default];
            o.WorkerCount = jobs.DefaultWorkers;
            o.ShutdownTimeout = stopWithin;
            o.CancellationCheckInterval = TimeSpan.FromSeconds(2);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddHostedService<ExperimentSchedule>();
        builder.Services.AddHostedService<StudySchedule>();
        builder.Services.AddHostedService<RunRecovery>();
        builder.Services.AddHostedService<ClipHost.Host.Search.RecipeSearchRecovery>();
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            builder.Services.AddSingleton<SharedRunsRoot>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SharedRunsRoot>());
        }
        return builder;
    }

    /// <summary>
    /// The queue without its servers: the storage, and what submits to it (runs, studies) or deletes from it
    /// (cancellations). The service adds its servers on top; a CLI on the service's PostgreSQL queues through this alone.
    /// </summary>
    public static IHostApplicationBuilder AddJobStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StudiesOptions>().BindConfiguration(StudiesOptions.SectionName);
        var connectionString = builder.Configuration.GetConnectionString("Hangfire");
        var jobs = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                config.UseInMemoryStorage();
            }
            else
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
                {
                    SchemaName = jobs.Schema,
                    InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
                    UseSlidingInvisibilityTimeout = true,
                    QueuePollInterval = TimeSpan.FromMilliseconds(jobs.PollIntervalMs),
                    PrepareSchemaIfNecessary = true,
                });
            }
        });
        builder.Services.AddSingleton<RunSubmitter>();
        builder.Services.AddSingleton<StudySubmitter>();
        builder.Services.AddSingleton<ClipHost.Host.Search.RecipeSearchSubmitter>();
        builder.Services.AddSingleton<IRunJobs, HangfireRunJobs>();
        return builder;
    }

    /// <summary>Whether the configuration names a shared job storage (PostgreSQL) that other hosts take jobs from.</summary>
    public static bool HasSharedQueue(this IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Hangfire"));

    public static string StorageName(this IConfiguration configuration) =>
        configuration.HasSharedQueue() ? "PostgreSQL" : "in-memory";
}
