using ClipHost.Host.Api;
using ClipHost.Host.Jobs;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/runs (an experiment JSON; ?fresh=true discards an earlier run of that name), GET /api/runs (every run under
/// the runs root, however it was started), GET /api/runs/{id}, DELETE /api/runs/{id} (cancel).
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
        catch (OptionsValidationFailedException e)
        {
            return ApiResults.Refused(e);
        }
        catch (RunConflictException e)
        {
            return ApiResults.Refused(new OptionsValidationFailedException([e.Error]), StatusCodes.Status409Conflict);
        }
        catch (StorageUnavailableException e)
        {
            return ApiResults.Unavailable(e.Message);
        }
    }

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
