using ClipHost.Host.Dashboard;
using ClipHost.Reports;

namespace ClipHost.Host.Studies;

/// <summary>A study as its results page reads it: its axes and each cell's run and status, from the study's record.</summary>
public sealed class StudyViews(StudyStore studies, RunStore runs) : IStudyViews
{
    public StudyView? Find(string name) => studies.Get(name) is { } study ? Of(StudyStatus.Of(study, runs)) : null;

    public static StudyView Of(StudyStatus study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return new StudyView(study.Name, study.Axes, [.. study.Cells.Select(c => new StudyCellView(c.Cell, c.RunId, c.Values, c.Status))]);
    }
}
