using ClipHost.Host.Api;
using ClipHost.Host.Jobs;
using ClipHost.Host.Options;
using ClipHost.Host.Studies;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/studies (a study: its base experiment inline or a file in the studies folder's parent; ?fresh=true starts
/// changed cells over): every cell checked, then one job per cell queued; GET /api/studies, GET /api/studies/{name}
/// (each cell's run status and progress); DELETE /api/studies/{name} cancels the cells still queued or running.
/// </summary>
public static class StudiesApi
{
    public static IEndpointRouteBuilder MapStudiesApi(this IEndpointRouteBuilder app)
    {
        var studies = app.MapGroup("/api/studies");
        studies.MapPost("/", Submit);
        studies.MapGet("/", (StudyStore store, RunStore runs) => ApiResults.Json(store.List().Select(s => StudyStatus.Of(s, runs)).ToList()));
        studies.MapGet("/{name}", (string name, IMediator mediator, CancellationToken ct) => Send(mediator, new GetStudyCommand(name), name, ct));
        studies.MapDelete("/{name}", (string name, IMediator mediator, CancellationToken ct) => Send(mediator, new CancelStudyCommand(name), name, ct));
        return app;
    }

    private static async Task<IResult> Submit(HttpRequest request, StudySubmitter queue, IOptions<StudiesOptions> options, bool? fresh, CancellationToken ct)
    {
        var (body, bad) = await ApiBody.ReadObjectAsync(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        try
        {
            var folder = options.Value;
            var submitted = await queue.SubmitAsync(new StartStudyCommand(body!, "api", fresh ?? false, folder.FullPath, folder.Root), ct).ConfigureAwait(false);
            return ApiResults.Json(submitted, StatusCodes.Status202Accepted);
        }
        catch (Exception e) when (ApiResults.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }

    private static async Task<IResult> Send(IMediator mediator, ICommand<StudyStatus> command, string name, CancellationToken ct)
    {
        try
        {
            return ApiResults.Json(await mediator.Send(command, ct).ConfigureAwait(false));
        }
        catch (OptionsValidationFailedException)
        {
            // The one check on these commands: the study exists.
            return ApiResults.NotFound($"study '{name}'");
        }
    }
}
