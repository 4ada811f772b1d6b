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
        app.MapPost("/api/imports", async (HttpRequest request, IEnumerable<ICommandValidator<ImportDatasetCommand>> validators, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<ImportDatasetCommand>(request, ct).ConfigureAwait(false);
            if ((bad ?? ApiResults.Validate(validators, parsed!)) is { } refusal)
            {
                return refusal;
            }
            var command = parsed!;
            var (source, path, name, limit, replace) = command;
            var jobId = jobs.Create<ImportJob>(j => j.RunAsync(source, path, name, limit, replace, CancellationToken.None), new EnqueuedState(JobQueues.Default));
            return ApiResults.Json(new { jobId, source, name }, StatusCodes.Status202Accepted);
        });
        return app;
    }
}
