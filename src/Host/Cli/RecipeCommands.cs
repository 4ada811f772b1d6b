using System.CommandLine;
using System.Text.Json.Nodes;
using ClipHost.Engine.Search;
using ClipHost.Engine.Studies;
using ClipHost.Host.Commands;
using ClipHost.Reports;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host recipe search FILE [--budget G] [--data STORE]`: successive halving over a search's space
/// (<see cref="RecipeSearchPlan"/>), trial by trial in this process, each trial an ordinary resumable run; then the
/// winner's test evaluation, recommended.json and report.md under &lt;runs&gt;/.searches/&lt;name&gt;/.
/// </summary>
public static class RecipeCommands
{
    public static RootCommand AddRecipeCommands(this RootCommand root)
    {
        var file = new Argument<FileInfo>("file") { Description = "The search file (see experiments/searches)" };
        var budget = new Option<double?>("--budget") { Description = "The final training budget in GFLOPs (overrides the file's)" };
        var data = new Option<string?>("--data") { Description = "The store to search on (overrides the base's data.store)" };
        var search = new Command("search", "Find the best recipe for a budget: successive halving over the search's axes, judged on validation splits, the winner trained at the full budget and evaluated once on the test splits") { file, budget, data };
        search.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var (definition, errors) = RecipeSearchFile.Load(path);
            if (definition is null)
            {
                return Task.FromResult(CommandRunner.Refuse(errors));
            }
            if (parse.GetValue(budget) is { } g)
            {
                if (g <= 0)
                {
                    return Task.FromResult(CommandRunner.Refuse([new("--budget", "give a positive number of GFLOPs")]));
                }
                definition = definition with { BudgetGflops = g };
            }
            if (parse.GetValue(data) is { } store)
            {
                if (Engine.Paths.Identifier.Check(store, "--data") is { } bad)
                {
                    return Task.FromResult(CommandRunner.Refuse([bad]));
                }
                var withStore = (JsonObject)definition.Base.DeepClone();
                Engine.Experiments.ConfigSweep.Set(withStore, "data.store", store);
                definition = definition with { Base = withStore };
            }
            return CliHost.RunAsync(parse, b => b.AddCommands(), (host, ct) => RecipeSearchRunner.RunAsync(host.Services, definition, ct), ct);
        });
        var command = new Command("recipe", "Recipe search: which recipe is best for this data at this budget") { search };
        root.Subcommands.Add(command);
        return root;
    }
}
