package org.partnergraph.department;

import java.util.List;
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
        return repository.ownersOf(items.stream().map(Node::id).toList());
    }

    public List<List<Major>> majors(List<Department> departments) {
        return repository.majorsOf(departments.stream().map(Department::id).toList());
    }

    public List<Department> departmentsOfMajors(List<Major> majors) {
        return repository.departmentsOf(majors.stream().map(Major::id).toList());
    }
}
