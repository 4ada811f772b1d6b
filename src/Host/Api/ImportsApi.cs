using ClipHost.Host.Api;
using ClipHost.Host.Commands;
using ClipHost.Host.Jobs;
using Hangfire;
using Hangfire.States;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>POST /api/imports: validates an import (its path inside Data:ImportRoot) and queues it on the default queue.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", async (HttpRequest request, IEnumerable<ICommandValidator<ImportDatasetCommand>> validators, IBackgroundJobClient jobs, IOptions<DataOptions> data, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<ImportDatasetCommand>(request, ct).ConfigureAwait(false);
            if (parsed?.Path is { Length: > 0 } given)
            {
                // A relative path means the import root's, not the service's working directory.
                parsed = parsed with { Path = Path.GetFullPath(given, data.Value.ImportRootPath) };
            }
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
