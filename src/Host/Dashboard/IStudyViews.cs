using ClipHost.Reports;

namespace ClipHost.Host.Dashboard;

/// <summary>Finds a study's view by name for the results routes; the study layer registers one (none: no study pages).</summary>
public interface IStudyViews
{
    StudyView? Find(string name);
}
