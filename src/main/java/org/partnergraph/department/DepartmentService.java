package org.partnergraph.department;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;

@ApplicationScoped
public class DepartmentService {

    private final DepartmentRepository repository;

    DepartmentService(DepartmentRepository repository) {
        this.repository = repository;
    }

    public Optional<Department> byId(String id) {
        return repository.byId(id);
    }

    public List<Organization> owners(List<? extends Node> items) {
        Map<String, Organization> owners = repository.ownersOf(items.stream().map(Node::id).toList());
        return items.stream().map(i -> owners.get(i.id())).toList();
    }

    public List<List<Major>> majors(List<Department> departments) {
        Map<String, List<Major>> majors = repository.majorsOf(departments.stream().map(Department::id).toList());
        return departments.stream().map(d -> majors.getOrDefault(d.id(), List.of())).toList();
    }

    public List<Department> departmentsOfMajors(List<Major> majors) {
        Map<String, Department> departments = repository.departmentsOf(majors.stream().map(Major::id).toList());
        return majors.stream().map(m -> departments.get(m.id())).toList();
    }
}
