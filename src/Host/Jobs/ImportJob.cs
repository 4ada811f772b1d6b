using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Host.Commands;
using ClipHost.Host.Runs;
using Hangfire;
using Mediator;

namespace ClipHost.Host.Jobs;

/// <summary>The Hangfire job behind `POST /api/imports`: the command as JSON in, the same command out.</summary>
public sealed class ImportJob(IMediator mediator)
{
    [JobDisplayName("import {0} {1}")]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(OptionsValidationFailedException)])]
    public async Task RunAsync(string source, string? name, string command, CancellationToken cancellationToken) =>
        await mediator.Send(JsonSerializer.Deserialize<ImportDatasetCommand>(command, RunStore.SerializerOptions)!, cancellationToken).ConfigureAwait(false);
}
