using System.CommandLine;
using ClipHost.Engine.Search;
using ClipHost.Host.Jobs;
using ClipHost.Host.Search;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host recipe search FILE [--budget G] [--data STORE]`: successive halving over a search's space, trained here
/// (<see cref="RecipeSearchRunner"/>) or, when ConnectionStrings:Hangfire names the service's PostgreSQL, sent to the
/// shared queue (<see cref="RecipeSearchSubmitter"/>) where every host takes its trials; `recipe status NAME` shows
/// where a search stands. Answers land under &lt;runs&gt;/.searches/&lt;name&gt;/.
/// </summary>
public static class RecipeCommands
{
    public static RootCommand AddRecipeCommands(this RootCommand root)
    {
        var command = new Command("recipe", "Recipe search: which recipe is best for this data at this budget") { Search(), Status() };
        root.Subcommands.Add(command);
        return root;
    }

    private static Command Search()
    {
        var file = new Argument<FileInfo>("file") { Description = "The search file (see experiments/searches)" };
        var budget = new Option<double?>("--budget") { Description = "The final training budget in GFLOPs (overrides the file's)" };
        var data = new Option<string?>("--data") { Description = "The store to search on (overrides the base's data.store)" };
        var search = new Command("search", "Find the best recipe for a budget: successive halving over the search's axes, judged on validation splits, the winner trained at the full budget and evaluated once on the test splits (here, or on the shared queue when ConnectionStrings:Hangfire is set)") { file, budget, data };
        search.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var (loaded, errors) = RecipeSearchFile.Load(path);
            var definition = loaded;
            if (loaded is not null)
            {
                (definition, errors) = RecipeSearchFile.WithOverrides(loaded, parse.GetValue(budget), parse.GetValue(data), "--budget", "--data");
            }
            if (definition is null)
            {
                return Task.FromResult(CommandRunner.Refuse(errors));
            }
            return CliHost.RunAsync(parse, Configure, async (host, ct) =>
            {
                if (!host.Services.GetRequiredService<IConfiguration>().HasSharedQueue())
                {
                    return await RecipeSearchRunner.RunAsync(host.Services, File.ReadAllText(path), definition, ct).ConfigureAwait(false);
                }
                // The prepare steps (stores, teachers) run here first, as `study run` does: the service trains no teacher inside a request.
                var prepared = await StudyPreparer.RunAsync(host.Services, new Engine.Studies.StudyDefinition(definition.Name, definition.Base, Engine.Studies.StudyCombine.Cross, definition.Space) { Prepare = definition.Prepare }, ct).ConfigureAwait(false);
                return prepared != 0 ? prepared : await QueueAsync(host.Services, File.ReadAllText(path), definition).ConfigureAwait(false);
            }, ct);
        });
        return search;
    }

    private static Task<int> QueueAsync(IServiceProvider s, string json, RecipeSearch search) => CommandRunner.QueueAsync(() =>
    {
        var status = s.GetRequiredService<RecipeSearchSubmitter>().Submit(json, search, "cli");
        return Task.FromResult($"search {status.Name}: {status.Points} points on the shared queue, rung {status.Rung} of {status.Rungs}; follow it with `clip-host recipe status {status.Name}` or /hangfire/results/searches/{status.Name}");
    });

    private static Command Status()
    {
        var name = new Argument<string>("name") { Description = "The search's name" };
        var status = new Command("status", "Where a search stands: the rung under way, its trials, every finished trial's objective and spend, the winner") { name };
        status.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), (host, _) =>
        {
            var searches = host.Services.GetRequiredService<RecipeSearchStore>();
            if (searches.Load(parse.GetValue(name)!) is not { } loaded)
            {
                return Task.FromResult(CommandRunner.Refuse([new("name", $"no search '{parse.GetValue(name)}' under {searches.Root}")]));
            }
            RecipeSearchPrinter.Print(RecipeSearchStatus.Of(loaded.Record, loaded.Search, host.Services.GetRequiredService<RunStore>(), searches));
            return Task.FromResult(0);
        }, ct));
        return status;
    }

    private static void Configure(IHostApplicationBuilder builder)
    {
        builder.AddCommands();
        if (builder.Configuration.HasSharedQueue())
        {
            builder.AddJobStorage();
        }
    }
}
