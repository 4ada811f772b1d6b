using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// Checks a filter pipeline before any work: every id is loaded, every filter accepts its options, and every teacher
/// names a run or checkpoint. Shared by POST /api/filters and experiment configs, so both refuse the same way.
/// </summary>
public static class FilterStepsValidator
{
    public static IReadOnlyList<OptionError> Validate(IReadOnlyList<FilterStep> steps, IComponentRegistry registry, string? runsRoot, string field)
    {
        var errors = new List<OptionError>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var at = $"{field}[{i}]";
            // JSON's [null] deserialises to a null element: nullable annotations do not reach into lists.
            if (step is null)
            {
                errors.Add(new OptionError(at, "is null; give a filter as {\"id\": ..., \"options\": {...}}"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(step.Id) || registry.FindFilter(step.Id) is not { } factory)
            {
                errors.Add(new OptionError($"{at}.id", $"unknown filter '{step.Id}'; loaded: {string.Join(", ", registry.FilterIds.Order(StringComparer.Ordinal))}"));
                continue;
            }
            var optionErrors = factory.Validate(step.Options, $"{at}.options");
            errors.AddRange(optionErrors);
            // Filter options named `teacher` (a string) or `teachers` (strings) are checked here, before the job is queued,
            // not minutes into it.
            if (optionErrors.Count == 0 && runsRoot is not null && step.Options is { ValueKind: JsonValueKind.Object } options)
            {
                errors.AddRange(TeacherErrors(options, runsRoot, $"{at}.options"));
            }
        }
        return errors;
    }

    private static IEnumerable<OptionError> TeacherErrors(JsonElement options, string runsRoot, string at)
    {
        if (options.TryGetProperty("teacher", out var teacher) && teacher.ValueKind == JsonValueKind.String
            && TeacherLocator.Locate(teacher.GetString()!, runsRoot).Problem is { } problem)
        {
            yield return new OptionError($"{at}.teacher", problem);
        }
        if (options.TryGetProperty("teachers", out var teachers) && teachers.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var one in teachers.EnumerateArray())
            {
                if (one.ValueKind == JsonValueKind.String && TeacherLocator.Locate(one.GetString()!, runsRoot).Problem is { } each)
                {
                    yield return new OptionError($"{at}.teachers[{i}]", each);
                }
                i++;
            }
        }
    }
}
