using ClipHost.Abstractions.Options;
using ClipHost.Host.Api;
using ClipHost.Host.Commands;
using ClipHost.Host.Runs;
using Mediator;

namespace Microsoft.AspNetCore.Builder;

/// <summary>POST /api/runs (an experiment JSON), GET /api/runs, GET /api/runs/{id}, DELETE /api/runs/{id} (cancel).</summary>
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

    private static async Task<IResult> Submit(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var (body, bad) = await ApiBody.ReadObjectAsync(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        try
        {
            var run = await mediator.Send(new SubmitRunCommand(body!, "api"), ct).ConfigureAwait(false);
            return ApiResults.Json(run, StatusCodes.Status202Accepted);
        }
        catch (OptionsValidationFailedException e)
        {
            return ApiResults.Refused(e);
        }
        catch (ClipHost.Host.Jobs.StorageUnavailableException e)
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
