using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Paths;
using ClipHost.Host.Api;
using ClipHost.Host.Commands;
using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using ClipHost.Host.Runs;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/imports: the import command as JSON, its path held inside Data:ImportRoot (a request reads nothing else on
/// the machine), validated as the CLI's would be, then queued on the default queue.
/// </summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", async (HttpRequest request, IEnumerable<ICommandValidator<ImportDatasetCommand>> validators, IBackgroundJobClient jobs, IOptions<DataOptions> data, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<ImportDatasetCommand>(request, ct).ConfigureAwait(false);
            if (bad is not null)
            {
                return bad;
            }
            var command = parsed!;
            if (command.NeedsPath && command.Path is { Length: > 0 } given)
            {
                // A relative path means the import root's, not the service's working directory; checked before
                // existence, so a request cannot probe what exists elsewhere on the machine.
                var root = data.Value.ImportRootPath;
                command = command with { Path = Path.GetFullPath(given, root) };
                if (RootedPath.Inside(root, command.Path) is null)
                {
                    return ApiResults.Refused(new OptionsValidationFailedException([new OptionError("path", $"must lie inside the import root {root} (Data:ImportRoot), links resolved")]));
                }
            }
            if (ApiResults.Validate(validators, command) is { } refusal)
            {
                return refusal;
            }
            var json = JsonSerializer.Serialize(command, RunStore.SerializerOptions);
            var (source, name) = (command.Source, command.Name);
            var jobId = jobs.Create<ImportJob>(j => j.RunAsync(source, name, json, CancellationToken.None), new EnqueuedState(JobQueues.Default));
            return ApiResults.Json(new { jobId, source, name }, StatusCodes.Status202Accepted);
        });
        return app;
    }
}
