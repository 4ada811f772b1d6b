using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Host.Commands;
using ClipHost.Engine.Filtering;
using Hangfire;
using Mediator;

namespace ClipHost.Host.Jobs;

/// <summary>The Hangfire job behind `POST /api/filters`: the pipeline as JSON text (a primitive), one command out.</summary>
public sealed class FilterJob(IMediator mediator)
{
    [JobDisplayName("filter {0} -> {1}")]
    [AutomaticRetry(Attempts = 1, ExceptOn = [typeof(OptionsValidationFailedException)])]
    public async Task RunAsync(string store, string subset, string filtersJson, long seed, CancellationToken cancellationToken)
    {
        var filters = System.Text.Json.JsonSerializer.Deserialize<List<FilterStep>>(filtersJson, Runs.RunStore.SerializerOptions) ?? [];
        await mediator.Send(new FilterDatasetCommand(store, subset, filters, seed), cancellationToken).ConfigureAwait(false);
    }
}
