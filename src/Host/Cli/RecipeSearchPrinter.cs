using System.Globalization;
using ClipHost.Host.Search;

namespace ClipHost.Host.Cli;

/// <summary>A search's state as text: the rung under way and its trials, the finished trials by rung, the compute spent.</summary>
public static class RecipeSearchPrinter
{
    public static void Print(RecipeSearchStatus search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"search {search.Name} ({search.Source}, {search.SubmittedAt:yyyy-MM-dd HH:mm}Z): {search.Points} points, {search.Rungs} rungs of x{search.Eta}, budget {search.BudgetGflops:N0} GFLOPs"));
        // The point column as wide as the longest point's name, so the numbers line up.
        var width = search.Trials.Select(t => t.Label.Length).Concat(search.Pending.Select(p => p.Cell.Length)).Append(44).Max();
        Console.WriteLine($"{"rung",-5} {"point".PadRight(width)} {"spent GFLOPs",13} {"objective %",12} role");
        var last = search.Trials.Count > 0 ? search.Trials.Max(t => t.Rung) : 0;
        foreach (var t in search.Trials.OrderBy(t => t.Rung).ThenByDescending(t => t.Objective ?? double.MinValue))
        {
            var objective = t.Objective is { } o ? (100 * o).ToString("F2", inv) : "failed";
            Console.WriteLine(string.Create(inv, $"{t.Rung,-5} {t.Label.PadRight(width)} {t.TrainingGflops ?? 0,13:N0} {objective,12} {t.Mark(search.Finished ? search.Winner : null, last)}"));
        }
        foreach (var t in search.Pending)
        {
            Console.WriteLine($"{search.Rung,-5} {t.Cell.PadRight(width)} {t.Status,13}");
        }
        var state = search.Finished ? $"finished: {search.Winner} recommended" : search.Stalled is { } why ? $"stalled: {why}" : $"rung {search.Rung} under way";
        Console.WriteLine($"spent {search.Compute.Describe()}; {state}");
    }
}
