using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Training;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Every declared experiment's file exists and parses; plugins and data are checked when it is launched.</summary>
public sealed class ExperimentsOptionsValidator : IValidateOptions<ExperimentsOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperimentsOptions options)
    {
        var failures = new List<string>();
        foreach (var (experiment, declared) in options)
        {
            if (Identifier.Check(experiment, $"Experiments.{experiment}") is { } badName)
            {
                failures.Add(badName.ToString());
            }
            if (string.IsNullOrWhiteSpace(declared.File))
            {
                failures.Add($"Experiments.{experiment}.File: required");
                continue;
            }
            var (config, errors) = ExperimentValidator.Load(declared.FullPath);
            failures.AddRange(errors.Select(e => $"Experiments.{experiment}.File ({declared.FullPath}): {e}"));
            if (config is not null && Identifier.Problem(config.Name, Identifier.MaxLength - Runs.RunIds.SuffixLength) is { } problem)
            {
                // Each launch names its run <name>-<time>-<hex>, so the name leaves room for that suffix.
                failures.Add($"Experiments.{experiment}.File ({declared.FullPath}): name: '{Identifier.Shorten(config.Name)}' {problem}; a scheduled run adds a {Runs.RunIds.SuffixLength}-character suffix, so at most {Identifier.MaxLength - Runs.RunIds.SuffixLength}");
            }
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
