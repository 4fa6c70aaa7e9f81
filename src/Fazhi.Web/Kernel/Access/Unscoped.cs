using Fazhi.Web.Kernel.Orgs;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Access;

/// <summary>
/// The only ways past the data-scope filter (数据权限，本级及下级; ADR 0002). Every query of <c>FazhiDb</c> sees only the
/// caller's units; a handler that must see further names one of these four reasons instead of calling
/// <c>IgnoreQueryFilters</c>, and the architecture test lists, file by file, which reasons each file may give.
/// <para>Whatever a bypass finds stays inside the handler: what the caller is told must be the same as if the row did
/// not exist, or (for uniqueness) the same refusal whoever holds the number. Outside the scope answers 404, never 403.</para>
/// <para>Each works like <c>IgnoreQueryFilters</c>: anywhere in a query it lifts the filter of the <em>whole</em> query
/// (joins included), so look the unscoped part up in a query of its own.</para>
/// </summary>
public static class Unscoped
{
    /// <summary>
    /// 唯一性检查: is a number that must be unique on the whole platform already taken, by anyone (机构代码, 复议案号,
    /// 法院案号, 执法证号, a catalogue's 事项编码)? Right for <c>Any</c>-style checks and for finding the row an import
    /// would merge into. The refusal must not say who holds the number nor differ from the refusal given when the
    /// caller's own unit holds it (<see cref="UniquenessMessages"/>); never show the row found.
    /// </summary>
    public static IQueryable<T> ForUniquenessCheck<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters();

    /// <summary>
    /// 系统作业: work the platform does for nobody in particular, or for every unit at once: the timer and warning
    /// sweeps, deadlines recomputed after a holiday notice, demo seeding, the warning engine judging a batch against
    /// the records of every unit. Not for a handler that answers a user with what it reads.
    /// </summary>
    public static IQueryable<T> ForSystemJob<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters();

    /// <summary>
    /// 跨机构协作: work that is cross-unit by design and reviewed as such: a joint inspection's participants from other
    /// departments, a sampling draw reviewing records of the departments below, contracts other modules call on a
    /// unit's behalf, reminders to approvers above the record's unit. Read only what the work needs.
    /// </summary>
    public static IQueryable<T> ForJointWork<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters();

    /// <summary>
    /// 机构目录: the org tree itself. Names, codes and paths of units are not secret (they are printed on every
    /// document and in every page header); <see cref="OrgDirectory"/> is the one lookup of them, and the org-tree
    /// handlers use this for a subtree they already hold. Only for <see cref="OrgUnit"/>, never for business records.
    /// </summary>
    public static IQueryable<OrgUnit> WholeOrgTree(this IQueryable<OrgUnit> units) => units.IgnoreQueryFilters();
}

/// <summary>The refusals of a uniqueness check: one wording whether the number is the caller's own unit's or another's,
/// so that a refusal never tells another unit's numbers from the caller's.</summary>
public static class UniquenessMessages
{
    /// <summary>"执法证号“X”已登记": the same for an officer of the caller's unit and one of any other.</summary>
    public static string Taken(string what, string value) => $"{what}“{value}”已登记";
}
