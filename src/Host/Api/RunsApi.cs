using ClipHost.Host.Api;
using ClipHost.Host.Jobs;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/runs (an experiment JSON; ?fresh=true discards an earlier run of that name), GET /api/runs (every run under
/// the runs root, however it was started), GET /api/runs/{id}, DELETE /api/runs/{id} (cancel), POST /api/runs/{id}/embed
/// (embeddings of texts or base64 images with the run's model); POST /api/sweeps (an
/// experiment and its axes: every variant checked, then each queued as its own run).
/// </summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs");
        runs.MapPost("/", Submit);
        runs.MapGet("/", (RunStore store) => ApiResults.Json(store.List()));
        runs.MapGet("/{id}", (string id, RunStore store) => store.Get(id) is { } run ? ApiResults.Json(run) : ApiResults.NotFound($"run '{id}'"));
        runs.MapDelete("/{id}", Cancel);
        runs.MapPost("/{id}/embed", RunEmbedApi.Embed);
        app.MapPost("/api/sweeps", SubmitSweep);
        return app;
    }

    private static async Task<IResult> Submit(HttpRequest request, RunSubmitter queue, bool? fresh, CancellationToken ct)
    {
        var (body, bad) = await ApiBody.ReadObjectAsync(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        try
        {
            var run = await queue.SubmitAsync(body!, "api", fresh ?? false, ct).ConfigureAwait(false);
            // Nothing left to do (it succeeded earlier): 200 with its record; otherwise queued or already on its way.
            return ApiResults.Json(run, run.Status == RunStatus.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
        }
        catch (Exception e) when (ApiResults.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    private static async Task<IResult> SubmitSweep(HttpRequest request, IMediator mediator, RunSubmitter queue, CancellationToken ct)
    {
        var (body, bad) = await ApiBody.ReadAsync<SweepRequest>(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        if (body!.Experiment.ValueKind != JsonValueKind.Object || body.Sweep is null)
        {
            return ApiResults.Refused(new OptionsValidationFailedException([body.Sweep is null
                ? new OptionError("sweep", "required: a list of axes, e.g. [\"training.seed=0,1,2\"]")
                : new OptionError("experiment", "required: the experiment config as a JSON object")]));
        }
        try
        {
            var plan = await mediator.Send(new PlanSweepCommand(body.Experiment.GetRawText(), body.Sweep), ct).ConfigureAwait(false);
            var queued = new List<RunRecord>();
            foreach (var variant in plan.Variants)
            {
                queued.Add(await queue.SubmitAsync(variant.ExperimentJson, $"sweep:{plan.Name}", body.Fresh, ct).ConfigureAwait(false));
            }
            return ApiResults.Json(new { plan.Name, plan.ComparisonDirectory, Runs = queued }, StatusCodes.Status202Accepted);
        }
        catch (Exception e) when (ApiResults.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    /// <summary>The body of POST /api/sweeps: the base experiment, `field=v1,v2` axes, and whether to discard earlier runs.</summary>
    private sealed record SweepRequest(JsonElement Experiment = default, IReadOnlyList<string>? Sweep = null, bool Fresh = false);

    private static async Task<IResult> Cancel(string id, RunStore store, IMediator mediator, CancellationToken ct)
    {
        if (store.Get(id) is null)
        {
            return ApiResults.NotFound($"run '{id}'");
        }
        try
        {
            return ApiResults.Json(await mediator.Send(new CancelRunCommand(id), ct).ConfigureAwait(false));
        }
        catch (OptionsValidationFailedException e)
        {
            return ApiResults.Refused(e, StatusCodes.Status409Conflict);
        }
    }
}
