using ClipHost.Engine.Search;
using ClipHost.Host.Api;
using ClipHost.Host.Options;
using ClipHost.Host.Search;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// POST /api/recipes/search (a search file's JSON; its base inline or a file named from experiments/searches;
/// ?budget=GFLOPs and ?data=store override the file's): every point checked, then the search queued and run rung by
/// rung on the shared queue; GET /api/recipes/searches and GET /api/recipes/searches/{name}: where each stands, its
/// trials, spend and, once finished, the winner and the report.
/// </summary>
public static class RecipesApi
{
    public static IEndpointRouteBuilder MapRecipesApi(this IEndpointRouteBuilder app)
    {
        var recipes = app.MapGroup("/api/recipes");
        recipes.MapPost("/search", Submit);
        recipes.MapGet("/searches", (RecipeSearchStore searches, RunStore runs) =>
            ApiResults.Json(searches.LoadAll().Select(l => RecipeSearchStatus.Of(l.Record, l.Search, runs, searches)).ToList()));
        recipes.MapGet("/searches/{name}", (string name, RecipeSearchStore searches, RunStore runs) =>
            searches.Load(name) is { } loaded ? ApiResults.Json(RecipeSearchStatus.Of(loaded.Record, loaded.Search, runs, searches)) : ApiResults.NotFound($"search '{name}'"));
        return app;
    }

    private static async Task<IResult> Submit(HttpRequest request, RecipeSearchSubmitter submitter, IOptions<StudiesOptions> studies, double? budget, string? data, CancellationToken ct)
    {
        var (body, bad) = await ApiBody.ReadObjectAsync(request, ct).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }
        var root = studies.Value.Root;
        var json = body!;
        var (parsed, errors) = RecipeSearchFile.Parse(json, Path.Combine(root, "searches"), root);
        var search = parsed;
        if (parsed is not null)
        {
            (search, errors) = RecipeSearchFile.WithOverrides(parsed, budget, data, "budget", "data");
        }
        if (search is null)
        {
            return ApiResults.Refused(new OptionsValidationFailedException(errors));
        }
        try
        {
            return ApiResults.Json(submitter.Submit(json, search, "api"), StatusCodes.Status202Accepted);
        }
        catch (Exception e) when (ApiResults.Refusal(e) is { } refusal)
        {
            return refusal;
        }
    }
}
