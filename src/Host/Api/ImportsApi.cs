using ClipHost.Host.Api;
using ClipHost.Host.Commands;
using ClipHost.Host.Jobs;
using Hangfire;
using Hangfire.States;

namespace Microsoft.AspNetCore.Builder;

/// <summary>POST /api/imports: validates an import and queues it on the default queue.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", (ImportDatasetCommand command, IEnumerable<ICommandValidator<ImportDatasetCommand>> validators, IBackgroundJobClient jobs) =>
        {
            if (ApiResults.Validate(validators, command) is { } refusal)
            {
                return refusal;
            }
            var jobId = jobs.Create<ImportJob>(j => j.RunAsync(command.Source, command.Path, command.Name, command.Limit, command.Replace, CancellationToken.None), new EnqueuedState(JobQueues.Default));
            return ApiResults.Json(new { jobId, command.Source, command.Name }, StatusCodes.Status202Accepted);
        });
        return app;
    }
}
