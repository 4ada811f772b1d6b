using ClipHost.Abstractions.Options;
using ClipHost.Host.Commands;
using Hangfire;
using Mediator;

namespace ClipHost.Host.Jobs;

/// <summary>The Hangfire job behind `POST /api/imports`: primitives in, one command out.</summary>
public sealed class ImportJob(IMediator mediator)
{
    [JobDisplayName("import {0} {2}")]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(OptionsValidationFailedException)])]
    public async Task RunAsync(string source, string? path, string? name, int? limit, bool replace, CancellationToken cancellationToken) =>
        await mediator.Send(new ImportDatasetCommand(source, path, name, limit, replace), cancellationToken).ConfigureAwait(false);
}
