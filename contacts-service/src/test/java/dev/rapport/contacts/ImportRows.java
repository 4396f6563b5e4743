package dev.rapport.contacts;

import io.restassured.path.json.JsonPath;

import java.util.List;

/** A finished import job's rows, by their number in the file. */
final class ImportRows {

    private ImportRows() {
    }

    static String contactOf(JsonPath job, int row) {
        return job.getString("rows.find { it.row == " + row + " }.contactId");
    }

    static List<String> warningsOf(JsonPath job, int row) {
        return job.getList("rows.find { it.row == " + row + " }.warnings");
    }

    static String reasonOf(JsonPath job, int row) {
        return job.getString("rows.find { it.row == " + row + " }.reason");
    }
}
