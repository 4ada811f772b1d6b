using System.Text.Json.Nodes;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Studies;
using ClipHost.Host.Plugins;
using ClipHost.Host.Torch;

namespace ClipHost.Host.Studies;

/// <summary>
/// Keeps one precision for every cell of a study: cells left at `training.precision: auto` would otherwise each choose
/// on whichever host trains them, and a difference between cells could be the precision's. The study's first auto cell
/// decides on the host that starts the study (measured once per machine and model, <see cref="PrecisionChooser"/>),
/// and every auto cell is submitted with that precision written in; cells that name a precision keep it.
/// </summary>
public sealed class StudyPrecision(PluginCatalog catalog, TorchRuntime torch, PrecisionCache cache)
{
    public (IReadOnlyList<StudyCell> Cells, PrecisionChoice? Choice) Pin(IReadOnlyList<StudyCell> cells, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var first = cells.Select(c => ExperimentJson.Parse(c.ExperimentJson, "experiment", c.Cell).Config)
            .FirstOrDefault(c => c?.Training.Precision == Engine.Experiments.Precision.Auto);
        if (first is null)
        {
            return (cells, null);
        }
        using var lease = catalog.Acquire();
        var choice = new PrecisionChooser(lease, cache).Resolve(first, torch.Device, cancellationToken);
        var name = choice.Chosen == Engine.Experiments.Precision.Fp32 ? "fp32" : "bf16-mixed";
        return ([.. cells.Select(c => With(c, name))], choice);
    }

    private static StudyCell With(StudyCell cell, string precision)
    {
        var root = JsonNode.Parse(cell.ExperimentJson)!.AsObject();
        var training = root["training"]?.AsObject();
        if (training is null || training["precision"]?.GetValue<string>() is { } named && named != "auto")
        {
            return cell;
        }
        training["precision"] = precision;
        return cell with { ExperimentJson = root.ToJsonString() };
    }
}
