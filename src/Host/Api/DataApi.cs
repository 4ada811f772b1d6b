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
/// The data endpoints: POST /api/imports and POST /api/filters take their command as JSON, validate it as the CLI would
/// and queue it on the default queue; GET /api/subsets/{name} returns a subset's record.
/// </summary>
public static class DataApi
{
    public static IEndpointRouteBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", async (HttpRequest request, IEnumerable<ICommandValidator<ImportDatasetCommand>> validators, IBackgroundJobClient jobs, IOptions<DataOptions> data, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<ImportDatasetCommand>(request, ct).ConfigureAwait(false);
            if (bad is not null)
            {
                return bad;
            }
            var command = parsed!;
            if (InsideImportRoot(command, data.Value.ImportRootPath) is not { } held)
            {
                return ApiResults.Refused(new OptionsValidationFailedException([new OptionError("path", $"must lie inside the import root {data.Value.ImportRootPath} (Data:ImportRoot), links resolved")]));
            }
            var (source, name, json) = (held.Source, held.Name, Serialize(held));
            return Queued(validators, held, () => jobs.Create<DataJob>(j => j.ImportAsync(source, name, json, CancellationToken.None), Default), jobId => new { jobId, source, name });
        });
        app.MapPost("/api/filters", async (HttpRequest request, IEnumerable<ICommandValidator<FilterDatasetCommand>> validators, IBackgroundJobClient jobs, CancellationToken ct) =>
        {
            var (parsed, bad) = await ApiBody.ReadAsync<FilterDatasetCommand>(request, ct).ConfigureAwait(false);
            if (bad is not null)
            {
                return bad;
            }
            var (store, subset, json) = (parsed!.Store, parsed.Subset, Serialize(parsed));
            return Queued(validators, parsed, () => jobs.Create<DataJob>(j => j.FilterAsync(store, subset, json, CancellationToken.None), Default), jobId => new { jobId, store, subset });
        });
        app.MapGet("/api/subsets/{name}", (string name, DataLayout layout) =>
        {
            var path = Identifier.IsValid(name) ? Path.Combine(layout.Subsets, name, "subset.json") : null;
            return path is not null && File.Exists(path)
                ? Results.Text(File.ReadAllText(path), "application/json")
                : ApiResults.NotFound($"subset '{name}'");
        });
        return app;
    }

    private static EnqueuedState Default => new(JobQueues.Default);

    private static string Serialize<T>(T command) => JsonSerializer.Serialize(command, RunStore.SerializerOptions);

    /// <summary>
    /// A relative path means the import root's, not the service's working directory; checked before existence, so a
    /// request cannot probe what exists elsewhere on the machine. Null when the path leaves the root.
    /// </summary>
    private static ImportDatasetCommand? InsideImportRoot(ImportDatasetCommand command, string root)
    {
        if (!command.NeedsPath || command.Path is not { Length: > 0 } given)
        {
            return command;
        }
        var held = command with { Path = Path.GetFullPath(given, root) };
        return RootedPath.Inside(root, held.Path) is null ? null : held;
    }

    /// <summary>Validates the command, and only when it passes creates its job; 202 with the job id and what names it.</summary>
    private static IResult Queued<T>(IEnumerable<ICommandValidator<T>> validators, T command, Func<string> enqueue, Func<string, object> body) =>
        ApiResults.Validate(validators, command) ?? ApiResults.Json(body(enqueue()), StatusCodes.Status202Accepted);
}
