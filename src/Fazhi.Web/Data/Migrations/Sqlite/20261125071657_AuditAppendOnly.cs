using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 操作日志 is append-only in the database too (the SM3 chain reveals tampering by whoever drops these).
            migrationBuilder.Sql("""
                CREATE TRIGGER sys_audit_log_no_update BEFORE UPDATE ON sys_audit_log
                BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改或删除'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER sys_audit_log_no_delete BEFORE DELETE ON sys_audit_log
                BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改或删除'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS sys_audit_log_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS sys_audit_log_no_delete;");
        }
    }
}
