using ClipHost.Abstractions.Options;
using System.Text.Json.Nodes;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Studies;

/// <summary>
/// A study's cells: one experiment per combination of axis values (crossed, the last axis fastest, or zipped), each
/// the base with the values' paths set and named &lt;study&gt;-&lt;axis&gt;-&lt;label&gt;-..., so every cell is an
/// ordinary, resumable run. A path that cannot be set is an error naming the axis and the cell.
/// </summary>
public static class StudyExpansion
{
    public static (IReadOnlyList<StudyCell> Cells, IReadOnlyList<OptionError> Errors) Expand(StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var cells = new List<StudyCell>();
        var errors = new List<OptionError>();
        foreach (var levels in Combinations(study))
        {
            var cell = string.Join("-", study.Axes.Select((a, i) => $"{a.Name}-{levels[i].Label}"));
            var runId = $"{study.Name}-{cell}";
            var config = (JsonObject)study.Base.DeepClone();
            var failed = false;
            for (var a = 0; a < study.Axes.Count && !failed; a++)
            {
                foreach (var (path, value) in levels[a].Sets)
                {
                    try
                    {
                        ConfigSweep.Set(config, path, value?.DeepClone());
                    }
                    catch (OptionsValidationFailedException e)
                    {
                        errors.AddRange(e.Errors.Select(x => new OptionError($"{cell}: {study.Axes[a].Field}", x.Message)));
                        failed = true;
                        break;
                    }
                }
            }
            if (Identifier.Check(runId, $"{cell}: name") is { } badId)
            {
                errors.Add(badId with { Message = $"{badId.Message} (the run is named <study>-<cell>; shorten the study name, axis names or labels)" });
            }
            config["name"] = runId;
            cells.Add(new StudyCell(cell, runId, study.Axes.Select((a, i) => (a.Key, levels[i].Label)).ToDictionary(), config.ToJsonString()));
        }
        return (cells, errors);
    }

    private static IEnumerable<StudyLevel[]> Combinations(StudyDefinition study)
    {
        var axes = study.Axes;
        if (study.Combine == StudyCombine.Zip)
        {
            for (var n = 0; n < study.CellCount; n++)
            {
                yield return [.. axes.Select(a => a.Levels[n])];
            }
            yield break;
        }
        var index = new int[axes.Count];
        while (true)
        {
            yield return [.. axes.Select((a, i) => a.Levels[index[i]])];
            var axis = axes.Count - 1;
            while (axis >= 0 && ++index[axis] == axes[axis].Levels.Count)
            {
                index[axis--] = 0;
            }
            if (axis < 0)
            {
                yield break;
            }
        }
    }
}
