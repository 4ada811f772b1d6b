using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Host.Commands;
using ClipHost.Host.Runs;
using Hangfire;
using Mediator;

namespace ClipHost.Host.Jobs;

/// <summary>
/// The Hangfire jobs behind `POST /api/imports` and `POST /api/filters`: the validated command as JSON text (a primitive
/// Hangfire stores as it is), the same command sent on. The leading arguments only name the job on the dashboard.
/// </summary>
public sealed class DataJob(IMediator mediator)
{
    [JobDisplayName("import {0} {1}")]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(OptionsValidationFailedException)])]
    public Task ImportAsync(string source, string? name, string command, CancellationToken cancellationToken) =>
        SendAsync<ImportDatasetCommand, Engine.Data.Import.ImportReport>(command, cancellationToken);

    [JobDisplayName("filter {0} -> {1}")]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(OptionsValidationFailedException)])]
    public Task FilterAsync(string store, string subset, string command, CancellationToken cancellationToken) =>
        SendAsync<FilterDatasetCommand, Engine.Filtering.SubsetRecord>(command, cancellationToken);

    private async Task SendAsync<TCommand, TResult>(string json, CancellationToken cancellationToken)
        where TCommand : ICommand<TResult> =>
        await mediator.Send(JsonSerializer.Deserialize<TCommand>(json, RunStore.SerializerOptions)!, cancellationToken).ConfigureAwait(false);
}
