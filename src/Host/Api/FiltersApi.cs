using System.Text.Json;
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

/// <summary>POST /api/filters (validated, then queued on the default queue); GET /api/subsets/{name}.</summary>
public static class FiltersApi
{
    public static IEndpointRouteBuilder MapFiltersApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/filters", async (HttpRequest request, IEnumerable<ICommandValidator<FilterDatasetCommand>> validators, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<FilterDatasetCommand>(request, ct).ConfigureAwait(false);
            if ((bad ?? ApiResults.Validate(validators, parsed!)) is { } refusal)
            {
                return refusal;
            }
            var command = parsed!;
            var filters = JsonSerializer.Serialize(command.Filters, RunStore.SerializerOptions);
            var jobId = jobs.Create<FilterJob>(j => j.RunAsync(command.Store, command.Subset, filters, command.Seed, CancellationToken.None), new EnqueuedState(JobQueues.Default));
            return ApiResults.Json(new { jobId, command.Store, command.Subset }, StatusCodes.Status202Accepted);
        });
        app.MapGet("/api/subsets/{name}", (string name, ClipHost.Engine.Paths.DataLayout layout) =>
        {
            var path = Identifier.IsValid(name) ? Path.Combine(layout.Subsets, name, "subset.json") : null;
            return path is not null && File.Exists(path)
                ? Results.Text(File.ReadAllText(path), "application/json")
                : ApiResults.NotFound($"subset '{name}'");
        });
        return app;
    }
}
