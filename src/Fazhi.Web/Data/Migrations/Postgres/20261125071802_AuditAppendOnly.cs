using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fazhi.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // 操作日志 is append-only in the database too: an UPDATE or DELETE is refused whoever sends it.
            // (Someone who can drop the trigger can still tamper; the SM3 chain is what then reveals it.)
            migrationBuilder.Sql("""
                CREATE FUNCTION sys_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '操作日志只能追加，不能修改或删除' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER sys_audit_log_no_update BEFORE UPDATE OR DELETE ON sys_audit_log
                    FOR EACH ROW EXECUTE FUNCTION sys_audit_log_append_only();
                CREATE TRIGGER sys_audit_log_no_truncate BEFORE TRUNCATE ON sys_audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION sys_audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS sys_audit_log_no_truncate ON sys_audit_log;
                DROP TRIGGER IF EXISTS sys_audit_log_no_update ON sys_audit_log;
                DROP FUNCTION IF EXISTS sys_audit_log_append_only();
                """);
        }
    }
}
